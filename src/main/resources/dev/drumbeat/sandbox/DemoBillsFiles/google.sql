-- Google Cloud's FOCUS billing table exported from BigQuery as CSV: projects as sub-accounts, times as BigQuery writes
-- them (2026-05-01 07:00:00 UTC: billing months start at midnight Pacific time), labels as a JSON object and again as
-- x_Labels, and Google's x_ columns.
select billed_cost as BilledCost,
       '01B7E4-5C92A0-D3F816' as BillingAccountId,
       'Northwind Bank' as BillingAccountName,
       'USD' as BillingCurrency,
       strftime(cast(invoice + interval 1 month as timestamp) at time zone 'America/Los_Angeles',
                '%Y-%m-%d %H:%M:%S UTC') as BillingPeriodEnd,
       strftime(cast(invoice as timestamp) at time zone 'America/Los_Angeles', '%Y-%m-%d %H:%M:%S UTC')
           as BillingPeriodStart,
       category as ChargeCategory,
       charge_class as ChargeClass,
       description as ChargeDescription,
       frequency as ChargeFrequency,
       strftime(cast(charge_end as timestamp) at time zone 'America/Los_Angeles', '%Y-%m-%d %H:%M:%S UTC')
           as ChargePeriodEnd,
       strftime(cast(charge_start as timestamp) at time zone 'America/Los_Angeles', '%Y-%m-%d %H:%M:%S UTC')
           as ChargePeriodStart,
       effective_cost as EffectiveCost,
       'Google' as InvoiceIssuerName,
       'Google Cloud' as ProviderName,
       'Google Cloud' as PublisherName,
       case when resource_id is not null then 'us-east4' end as RegionId,
       resource_id as ResourceId,
       resource_name as ResourceName,
       service_category as ServiceCategory,
       service_name as ServiceName,
       sub_id as SubAccountId,
       sub_name as SubAccountName,
       tags as Tags,
       to_json(list_transform(json_keys(coalesce(tags, '{}')),
                              lambda k: {'key': k, 'value': json_extract_string(tags, '$."' || k || '"')})) as x_Labels,
       sub_id as x_Project,
       code as x_ServiceId,
       invoice,
       ntile(${parts}) over (partition by invoice order by charge_start, id) as part,
       row_number() over (order by invoice, charge_start, id) as seq
  from focus_rows
 where cloud = 'google'
